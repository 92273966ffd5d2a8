--liquibase formatted sql

--changeset agentanchor:profiles-table splitStatements:false
--comment: profiles as the origin built it (users.ts): enums, columns, defaults, indexes.
SET LOCAL ROLE agentanchor_owner;
CREATE TYPE public.user_role AS ENUM ('trainer', 'consumer', 'both');
CREATE TYPE public.subscription_tier AS ENUM ('free', 'pro', 'enterprise');

CREATE TABLE public.profiles (
    id                       uuid              NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    email                    text              NOT NULL,
    full_name                text,
    avatar_url               text,
    role                     public.user_role         NOT NULL DEFAULT 'consumer',
    subscription_tier        public.subscription_tier NOT NULL DEFAULT 'free',
    notification_preferences jsonb                    DEFAULT '{"email": true, "in_app": true, "webhook": false}',
    storefront_name          text,
    storefront_bio           text,
    auth_user_id             text,
    created_at               timestamptz       NOT NULL DEFAULT now(),
    updated_at               timestamptz       NOT NULL DEFAULT now(),
    CONSTRAINT profiles_email_unique UNIQUE (email),
    CONSTRAINT profiles_auth_user_id_unique UNIQUE (auth_user_id)
);
CREATE INDEX profiles_email_idx ON public.profiles (email);
CREATE INDEX profiles_auth_user_idx ON public.profiles (auth_user_id);
CREATE INDEX profiles_role_idx ON public.profiles (role);

CREATE TRIGGER update_profiles_updated_at BEFORE UPDATE ON public.profiles
    FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

-- No INSERT and no DELETE for the app: profiles come into being only through provision_profile().
GRANT SELECT, UPDATE ON public.profiles TO agentanchor_app;
GRANT SELECT, INSERT ON public.profiles TO agentanchor_definer;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP TABLE public.profiles;
--rollback DROP TYPE public.subscription_tier;
--rollback DROP TYPE public.user_role;
--rollback RESET ROLE;
