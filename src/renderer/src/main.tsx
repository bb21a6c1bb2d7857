import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { AppInfo } from '../../shared/ipc/contract';

function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void window.api.app.info({}).then((r) => { if (r.ok) setInfo(r.data); });
  }, []);
  return (
    <main>
      <h1>Reset Console</h1>
      {info && (
        <dl aria-label="About this console">
          <dt>Version</dt><dd>{info.version}</dd>
          <dt>Host</dt><dd>{info.host}</dd>
          <dt>Portal</dt><dd>{info.portalMode}</dd>
          <dt>Keychain</dt><dd>{info.keychain.status === 'available' ? 'available' : `unavailable: ${info.keychain.reason}`}</dd>
        </dl>
      )}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
