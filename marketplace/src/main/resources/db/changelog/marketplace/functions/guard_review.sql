--liquibase formatted sql

--changeset agentanchor:marketplace-function-guard-review runOnChange:true splitStatements:false
--comment: The current text of guard_review(): change it here, and Liquibase applies it again on the next start.
-- 006-marketplace-lifecycle.sql created it (a stub, for its owner and grants); CREATE OR REPLACE keeps both.
SET LOCAL ROLE agentanchor_owner;
-- A review is written once: the consumer's update policy lets them write rating and review, this makes it the
-- first and last time, and dates it (whatever reviewed_at the update carried). The Java twin is Acquisition.whyNotReview.
-- Any write of these columns to a reviewed row is refused, even one of the same values: two reviews sent at once
-- both pass the Java check, and the second, waiting on the row, must not answer as if it had been taken.
CREATE OR REPLACE FUNCTION public.guard_review() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = ''
AS $$
BEGIN
    IF OLD.reviewed_at IS NOT NULL THEN
        RAISE EXCEPTION 'acquisition % is reviewed already', OLD.id USING ERRCODE = 'unique_violation';
    END IF;
    IF NEW.rating IS DISTINCT FROM OLD.rating OR NEW.review IS DISTINCT FROM OLD.review THEN
        NEW.reviewed_at := pg_catalog.now();
    ELSE
        NEW.reviewed_at := OLD.reviewed_at;
    END IF;
    RETURN NEW;
END $$;
RESET ROLE;
--rollback empty
