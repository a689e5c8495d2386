import { EventEmitter } from 'node:events';

/** A domain event, published after its transaction commits. */
export interface BusEvent {
  type: string;
  communityId: number | null;
  payload: Record<string, unknown>;
}

/** Events between features (and, in cluster mode, between nodes). In-process for now. */
export interface Bus {
  publish(event: BusEvent): void;
  subscribe(handler: (event: BusEvent) => void): () => void;
}

/** The in-process bus used in embedded mode. */
export function createLocalBus(): Bus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: (event) => emitter.emit('event', event),
    subscribe(handler) {
      emitter.on('event', handler);
      return () => emitter.off('event', handler);
    },
  };
}
