import { Message, type MessageStrategy, type RequestMessage } from 'vscode-languageserver/node';

/** The method every request that arrives after `shutdown` is renamed to, so that one handler refuses it. */
export const AFTER_SHUTDOWN = 'specchain/$afterShutdown';

/**
 * Passes messages through until a `shutdown` request, and afterwards renames every request to
 * {@link AFTER_SHUTDOWN} and drops every notification but `exit`: the protocol says a server
 * answers requests after `shutdown` with `InvalidRequest`, and the connection library has no
 * hook for that other than a message strategy.
 */
export function afterShutdownStrategy(): MessageStrategy {
  let down = false;
  return {
    handleMessage(message, next) {
      if (Message.isRequest(message)) {
        if (down) {
          const refused: RequestMessage = { ...message, method: AFTER_SHUTDOWN };
          return next(refused);
        }
        if (message.method === 'shutdown') down = true;
      } else if (down && Message.isNotification(message) && message.method !== 'exit') return;
      return next(message);
    },
  };
}
