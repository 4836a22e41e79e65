// See https://svelte.dev/docs/kit/types#app.d.ts
import type { RpcContext } from '@sg/rpc';

declare global {
  namespace App {
    interface Locals {
      rpcContext: RpcContext;
    }
  }
}

export {};
