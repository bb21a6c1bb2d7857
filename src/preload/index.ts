import { contextBridge, ipcRenderer } from 'electron';
import { channels } from '../shared/ipc/channels';
import { buildApi } from '../shared/ipc/build-api';

// Only named channels are reachable; ipcRenderer itself never crosses the bridge.
contextBridge.exposeInMainWorld(
  'api',
  buildApi(channels, (channel, input) => ipcRenderer.invoke(channel, input)),
);
