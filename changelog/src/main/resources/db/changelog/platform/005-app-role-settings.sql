--liquibase formatted sql

--changeset agentanchor:platform-app-role-planner splitStatements:false
--comment: The storage we run on (Neon, local NVMe) is solid state; PostgreSQL's default random_page_cost of 4
-- assumes spinning disks. Under row-level security the planner cannot estimate a policy filter well, and with
-- the default it picks a bitmap scan plus a sort over an ordered index scan for "my agents, newest first".
ALTER ROLE agentanchor_app SET random_page_cost = 1.1;
--rollback ALTER ROLE agentanchor_app RESET random_page_cost;
