import './mantine-styles';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './App';
import { createQueryClient } from './query-client';
import { appInfoQuery, authStatusQuery, settingsQuery } from './state/app-queries';
import { cssVariablesResolver, lightOnly, theme } from './theme';

const queryClient = createQueryClient();
// The first calls go out together, before React renders. The first render waits a moment for the two
// it needs, so the console opens on its screen rather than on a "Starting…" placeholder replaced a few
// frames later; a slow core still gets the placeholder.
const firstAnswers = Promise.all([queryClient.prefetchQuery(appInfoQuery()), queryClient.prefetchQuery(settingsQuery())]);
void queryClient.prefetchQuery(authStatusQuery(true));
const placeholderAfterMs = 300;

void Promise.race([firstAnswers, new Promise((resolve) => setTimeout(resolve, placeholderAfterMs))]).then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="light" colorSchemeManager={lightOnly} cssVariablesResolver={cssVariablesResolver}>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
});
