-- The search indexes are read far more than written: without the pending list (fastupdate) a search
-- does not scan up to 4 MB of unsorted entries that case updates left there (159 pages after a
-- benchmark's 2,600 completions: 4 ms of every search). The list they hold is merged now.
ALTER INDEX "cases_number_bigrams" SET (fastupdate = off);--> statement-breakpoint
ALTER INDEX "customers_name_bigrams" SET (fastupdate = off);--> statement-breakpoint
ALTER INDEX "documents_number_bigrams" SET (fastupdate = off);--> statement-breakpoint
ALTER INDEX "tickets_problem_bigrams" SET (fastupdate = off);--> statement-breakpoint
SELECT gin_clean_pending_list(i::regclass) FROM unnest(array['cases_number_bigrams', 'customers_name_bigrams', 'documents_number_bigrams', 'tickets_problem_bigrams']) i;
