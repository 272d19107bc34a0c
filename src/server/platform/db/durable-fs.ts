import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

interface EmscriptenStream {
  nfd?: number;
}
interface EmscriptenModule {
  NODEFS: { stream_ops: { fsync?: (stream: EmscriptenStream) => number } };
}
type InitResult = Awaited<ReturnType<NodeFS['init']>>;

/**
 * PGlite's NodeFS with a real fsync. Emscripten's NODEFS has no fsync operation and its
 * fdatasync is a no-op, so PostgreSQL's flush of the WAL at commit never reached the disk.
 * We give NODEFS an fsync that calls fs.fsyncSync and make PostgreSQL use fsync() for the WAL.
 */
export class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]): Promise<InitResult> {
    const result = await super.init(pg, opts);
    const preRun = [
      ...(result.emscriptenOpts.preRun ?? []),
      (mod: EmscriptenModule) => {
        mod.NODEFS.stream_ops.fsync = (stream) => {
          if (stream.nfd !== undefined) fs.fsyncSync(stream.nfd);
          return 0;
        };
      },
    ];
    return { ...result, emscriptenOpts: { ...result.emscriptenOpts, preRun } };
  }
}

/**
 * PGlite's start parameters without "-F" (which turns fsync off), with commits flushed
 * through fsync() before they are acknowledged.
 */
export function durableStartParams(): string[] {
  const params = PGlite.defaultStartParams.filter((p) => p !== '-F');
  return [...params, '-c', 'fsync=on', '-c', 'synchronous_commit=on', '-c', 'wal_sync_method=fsync', '-c', 'full_page_writes=on'];
}
