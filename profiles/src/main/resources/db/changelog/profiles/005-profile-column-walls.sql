--liquibase formatted sql

--changeset agentanchor:profiles-column-walls splitStatements:false rollbackSplitStatements:false
--comment: A user edits what they say about themselves, never what identifies them or what they pay for: the app
-- role may update only the editable columns of its own row; email, subject and subscription tier are written at
-- provisioning (provision_profile) and by nobody through the app.
SET LOCAL ROLE agentanchor_owner;
REVOKE UPDATE ON public.profiles FROM agentanchor_app;
GRANT UPDATE (full_name, avatar_url, role, notification_preferences, storefront_name, storefront_bio)
    ON public.profiles TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback REVOKE UPDATE (full_name, avatar_url, role, notification_preferences, storefront_name, storefront_bio) ON public.profiles FROM agentanchor_app;
--rollback GRANT UPDATE ON public.profiles TO agentanchor_app;
--rollback RESET ROLE;
