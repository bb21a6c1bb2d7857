// Must stay the first import: it configures zod before any shared module builds a schema.
import './zod-jitless';
import '@mantine/core/styles.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './App';
import { createQueryClient } from './query-client';
import { appInfoQuery, authStatusQuery, settingsQuery } from './state/app-queries';
import { cssVariablesResolver, theme } from './theme';

const queryClient = createQueryClient();
// The first calls go out together, before React renders: none waits for another (nor for the first render).
void queryClient.prefetchQuery(appInfoQuery());
void queryClient.prefetchQuery(settingsQuery());
void queryClient.prefetchQuery(authStatusQuery(true));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
