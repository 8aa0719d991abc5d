import { useEffect, useState } from 'preact/hooks';
import {
  type QuarantinedValue,
  type ReadResult,
  readQuarantine,
  watchQuarantine,
} from '../../platform/storage/validated-item';

interface Readable<T> {
  read(): Promise<ReadResult<T>>;
  watch(callback: (value: T) => void): () => void;
}

/**
 * A validated stored value, kept current: read once (which quarantines a bad value and reports it),
 * then followed through storage changes, including changes made in other tabs and the content script.
 */
export function useStored<T>(item: Readable<T>, onProblem: (problem: string) => void): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    item.read().then(
      (result) => {
        if (!live) return;
        setValue(result.value);
        if (result.problem) onProblem(result.problem);
      },
      (error: unknown) => onProblem(`Stored data could not be read: ${(error as Error).message}`),
    );
    const unwatch = item.watch((next) => live && setValue(next));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return value;
}

/** Values set aside because they could not be read; shown until the reader deals with them in Options. */
export function useQuarantine(): QuarantinedValue[] {
  const [list, setList] = useState<QuarantinedValue[]>([]);
  useEffect(() => {
    void readQuarantine().then(setList);
    return watchQuarantine(setList);
  }, []);
  return list;
}

/** Collects problem messages from several stored values into one list for a banner. */
export function useProblems(): [string[], (problem: string) => void] {
  const [problems, setProblems] = useState<string[]>([]);
  const add = (problem: string) =>
    setProblems((list) => (list.includes(problem) ? list : [...list, problem]));
  return [problems, add];
}
