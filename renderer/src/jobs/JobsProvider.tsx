import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { JobInfo } from '../../../shared/api/jobs';
import { api } from '../api';
import { apiKey } from '../api/hooks';

interface JobsValue {
  /** Jobs of this session seen running or finished since login, newest first. */
  jobs: JobInfo[];
  /** Whether the event stream has delivered anything; until then, job views poll more often. */
  eventsSeen: boolean;
}

const JobsContext = createContext<JobsValue>({ jobs: [], eventsSeen: false });

/**
 * Listens to the session's job events (progress of long work in worker threads) and keeps
 * every job in the query cache, so a job view updates live; views poll as a fallback.
 */
export function JobsProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [jobs, setJobs] = useState<Map<string, JobInfo>>(new Map());
  const [eventsSeen, setEventsSeen] = useState(false);

  useEffect(() => {
    let alive = true;
    const upsert = (job: JobInfo) => {
      queryClient.setQueryData(apiKey('jobs.get', { id: job.id }), job);
      setJobs((prev) => new Map(prev).set(job.id, job));
    };
    api
      .call('jobs.list', {})
      .then((list) => alive && list.forEach(upsert))
      .catch(() => undefined);
    const unsubscribe = api.subscribe((event) => {
      if (event.type !== 'job') return;
      setEventsSeen(true);
      upsert(event.job);
    });
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [queryClient]);

  const value = useMemo(() => ({ jobs: [...jobs.values()].sort((a, b) => b.startedAt.localeCompare(a.startedAt)), eventsSeen }), [jobs, eventsSeen]);
  return <JobsContext.Provider value={value}>{children}</JobsContext.Provider>;
}

export const useJobs = () => useContext(JobsContext);
