--liquibase formatted sql

--changeset agentanchor:platform-app-role-password runAlways:true runOnChange:true
--comment: The app's pool logs in as agentanchor_app with the configured password (AGENTANCHOR_DB_APP_PASSWORD);
-- applied on every start so a rotated password takes effect with the next deployment.
ALTER ROLE agentanchor_app WITH LOGIN PASSWORD '${app_password}';
--rollback SELECT 1;
