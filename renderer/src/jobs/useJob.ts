import { useEffect, useRef, useState } from 'react';
import type { JobInfo } from '../../../shared/api/jobs';
import { useApiQuery } from '../api/hooks';
import { useJobs } from './JobsProvider';

/** One job, live from events, polled while it runs (slowly when events flow, faster when they do not). */
export function useJob(id: string | null) {
  const { eventsSeen } = useJobs();
  return useApiQuery('jobs.get', { id: id ?? '' }, {
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.state === 'running' ? (eventsSeen ? 5000 : 1000) : false),
  });
}

/** Items per second over the job's observed life, smoothed by measuring from the first sample. */
export function useRate(job: JobInfo | undefined): number | null {
  const first = useRef<{ id: string; at: number; done: number } | null>(null);
  const [rate, setRate] = useState<number | null>(null);
  useEffect(() => {
    if (!job) return;
    const now = performance.now();
    if (!first.current || first.current.id !== job.id) {
      first.current = { id: job.id, at: now, done: job.done };
      setRate(null);
      return;
    }
    const seconds = (now - first.current.at) / 1000;
    if (seconds >= 0.5 && job.done > first.current.done) setRate((job.done - first.current.done) / seconds);
  }, [job]);
  return rate;
}
