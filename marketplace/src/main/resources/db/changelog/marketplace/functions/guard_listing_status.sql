--liquibase formatted sql

--changeset agentanchor:marketplace-function-guard-listing-status runOnChange:true splitStatements:false
--comment: The current text of guard_listing_status(): change it here, and Liquibase applies it again on the next start.
-- 006-marketplace-lifecycle.sql created it (a stub, for its owner and grants); CREATE OR REPLACE keeps both.
SET LOCAL ROLE agentanchor_owner;
-- Runs for every status change, the seller's and take_listing_stock's: a retired listing stays retired, whoever
-- writes the row.
CREATE OR REPLACE FUNCTION public.guard_listing_status() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = ''
AS $$
BEGIN
    IF NOT public.listing_may_move(OLD.status, NEW.status) THEN
        RAISE EXCEPTION 'a % listing does not become %', OLD.status, NEW.status USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
RESET ROLE;
--rollback empty
