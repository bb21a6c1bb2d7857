import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channels } from '../../shared/ipc/channels';
import type { Dispatcher, SenderInfo } from '../ipc/dispatcher';
import { originOf } from '../core/origin-of';

/** Who sent an invoke: the frame's origin and whether it is the window's own top frame. */
export function senderOf(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  if (!frame) return { origin: '', isTopFrame: false };
  return { origin: originOf(frame.url), isTopFrame: frame.parent === null && frame === event.sender.mainFrame };
}

/** One `ipcMain.handle` per contract channel; nothing else is listened to. */
export function bridgeIpc(ipcMain: IpcMain, dispatcher: Dispatcher): void {
  for (const channel of channels) {
    // The one place IPC is answered: every contract channel, through the dispatcher's checks.
    // eslint-disable-next-line no-restricted-syntax
    ipcMain.handle(channel, (event, input: unknown) => dispatcher.dispatch(channel, input, senderOf(event)));
  }
}
