-- OKLA Admin, the DBA step (docs/security.md §13). Run as a SUPERUSER in the okla database, before
-- `okla migrate`, with `okla dba apply --user postgres` (the sandbox and the tests run it for you).
-- Idempotent: running it again changes nothing that is already right.
--
-- Why it exists: the owner role `okla_owner` must not have CREATEROLE (on PostgreSQL 15 a
-- CREATEROLE role can grant itself pg_execute_server_program and run programs as the server's OS
-- user). Everything that needs role privileges is done here once, by the superuser:
--   * the group roles and the marker group okla_staff (every staff login, and nothing else, is in it);
--   * okla_owner loses CREATEROLE and any server-file/program role;
--   * the schema okla_dba: superuser-owned SECURITY DEFINER functions that can ONLY create, move
--     and deactivate staff logins. They touch no table (a superuser writing into owner-owned tables
--     would run owner-defined triggers as superuser) and are reached through the owner's wrappers
--     okla_staff_create / okla_staff_set_role / okla_staff_deactivate (migration 11), which only
--     admins may execute. They also check the caller themselves: session_user must be an admin
--     or a superuser, so the owner calling them directly is refused.
-- The worker's login (credential `pg-password`, a member of okla_worker) and the health collectors'
-- login (`pg-monitor-password`, a member of pg_monitor) are created by the DBA by hand where they
-- are deployed; the sandbox runs neither (docs/security.md §13).

-- DbaSetup::apply runs this in one transaction. The database belongs to the owner, who may have put
-- functions or operators in public: nothing here resolves a name outside pg_catalog.
SET LOCAL search_path = pg_catalog, pg_temp;
SET LOCAL client_min_messages = warning;

-- One statement per role, each tolerant of a concurrent DBA step in another database of the cluster.
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['okla_finance', 'okla_manager', 'okla_support', 'okla_admin', 'okla_worker', 'okla_staff'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN', r);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
END
$$;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'okla_owner') THEN
        RAISE EXCEPTION 'the role okla_owner does not exist; create it first (CREATE ROLE okla_owner LOGIN)'
            USING ERRCODE = '42704';
    END IF;
    -- A schema of that name made earlier by someone else (the owner owns the database and could)
    -- would let them drop or shadow what follows: refuse rather than adopt it.
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n JOIN pg_catalog.pg_roles o ON o.oid = n.nspowner
               WHERE n.nspname = 'okla_dba' AND NOT o.rolsuper) THEN
        RAISE EXCEPTION 'the schema okla_dba exists and is not owned by a superuser; drop it and run the DBA step again'
            USING ERRCODE = '42501';
    END IF;
END
$$;

-- The owner keeps LOGIN (it runs migrations) and nothing that reaches roles or the server's files.
DO $$
DECLARE
    r text;
BEGIN
    IF (SELECT rolcreaterole OR rolsuper OR rolcreatedb OR rolreplication OR rolbypassrls
        FROM pg_catalog.pg_roles WHERE rolname = 'okla_owner') THEN
        ALTER ROLE okla_owner NOSUPERUSER NOCREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS;
    END IF;
    FOR r IN SELECT g.rolname FROM pg_catalog.pg_auth_members m
             JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
             JOIN pg_catalog.pg_roles o ON o.oid = m.member
             WHERE o.rolname = 'okla_owner'
               AND (g.rolname LIKE 'pg\_%' OR g.rolname IN ('okla_finance', 'okla_manager', 'okla_support', 'okla_admin', 'okla_staff'))
    LOOP
        EXECUTE pg_catalog.format('REVOKE %I FROM okla_owner', r);
    END LOOP;
END
$$;

-- Logins made before this step existed (by migration 1's okla_create_staff) become staff logins:
-- a plain login that is directly in a staff group and has no dangerous attribute.
DO $$
DECLARE
    r text;
BEGIN
    FOR r IN SELECT DISTINCT l.rolname FROM pg_catalog.pg_roles l
             JOIN pg_catalog.pg_auth_members m ON m.member = l.oid
             JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
             WHERE g.rolname IN ('okla_finance', 'okla_manager', 'okla_support', 'okla_admin')
               AND l.rolcanlogin AND NOT (l.rolsuper OR l.rolcreaterole OR l.rolreplication OR l.rolbypassrls)
               AND l.rolname ~ '^[a-z][a-z0-9_]{1,62}$' AND l.rolname !~ '^(pg_|okla_)'
               AND NOT pg_catalog.pg_has_role(l.oid, 'okla_staff', 'MEMBER')
    LOOP
        BEGIN
            EXECUTE pg_catalog.format('GRANT okla_staff TO %I', r);
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END LOOP;
END
$$;

CREATE SCHEMA IF NOT EXISTS okla_dba;
REVOKE ALL ON SCHEMA okla_dba FROM PUBLIC;
GRANT USAGE ON SCHEMA okla_dba TO okla_owner;

-- Refuses unless the person behind the session (session_user, not the wrapper's owner) is an admin
-- or a superuser. The owner itself is neither.
CREATE OR REPLACE FUNCTION okla_dba.check_caller() RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT (pg_has_role(session_user, 'okla_admin', 'MEMBER')
            OR coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)) THEN
        RAISE EXCEPTION 'only an admin may manage staff logins' USING ERRCODE = '42501';
    END IF;
END
$$;

-- A staff login name: lower case, 2 to 63 characters, never a system or OKLA role name; and, when
-- the role exists already, a plain staff login (a member of okla_staff without dangerous attributes).
CREATE OR REPLACE FUNCTION okla_dba.check_login(p_login text) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_role pg_roles%ROWTYPE;
BEGIN
    IF p_login IS NULL OR p_login !~ '^[a-z][a-z0-9_]{1,62}$' OR p_login ~ '^(pg_|okla_)' THEN
        RAISE EXCEPTION 'a staff login is 2 to 63 lower-case letters, digits or _, starting with a letter and not with pg_ or okla_'
            USING ERRCODE = '22023';
    END IF;
    SELECT * INTO v_role FROM pg_roles WHERE rolname = p_login;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    IF v_role.rolsuper OR v_role.rolcreaterole OR v_role.rolreplication OR v_role.rolbypassrls
       OR NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                      WHERE m.member = v_role.oid AND g.rolname = 'okla_staff') THEN
        RAISE EXCEPTION 'the role % exists and is not a staff login; choose another login name', p_login
            USING ERRCODE = '42501';
    END IF;
    RETURN true;
END
$$;

-- A password only ever arrives as a SCRAM-SHA-256 verifier, and its whole shape is checked, not
-- only the prefix: the server takes anything it cannot parse as a verifier for a clear password
-- and hashes it. NULL means "no password change".
CREATE OR REPLACE FUNCTION okla_dba.check_verifier(p_password_verifier text) RETURNS void
    LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF p_password_verifier IS NOT NULL
       AND p_password_verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*:[A-Za-z0-9+/]+=*$' THEN
        RAISE EXCEPTION 'a password is only accepted as a SCRAM-SHA-256 verifier' USING ERRCODE = '22023';
    END IF;
END
$$;

-- Sets a checked verifier; a refusal is re-raised without the statement, so that the verifier
-- never reaches an error's context.
CREATE OR REPLACE FUNCTION okla_dba.set_verifier(p_login text, p_password_verifier text) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF p_password_verifier IS NOT NULL THEN
        BEGIN
            EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_password_verifier);
        EXCEPTION WHEN OTHERS THEN
            RAISE EXCEPTION 'the password verifier was refused' USING ERRCODE = '22023';
        END;
    END IF;
END
$$;

-- Creates the staff login or updates it: LOGIN, in okla_staff and in exactly one staff group (the
-- others are revoked), the session timeouts of a console session, and optionally a password given
-- as a SCRAM-SHA-256 verifier (never a clear password).
CREATE OR REPLACE FUNCTION okla_dba.staff_upsert(p_login text, p_group text, p_password_verifier text DEFAULT NULL)
    RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    g text;
BEGIN
    PERFORM okla_dba.check_caller();
    IF p_group IS NULL OR p_group NOT IN ('okla_finance', 'okla_manager', 'okla_support', 'okla_admin') THEN
        RAISE EXCEPTION 'the staff group must be okla_finance, okla_manager, okla_support or okla_admin' USING ERRCODE = '22023';
    END IF;
    PERFORM okla_dba.check_verifier(p_password_verifier);
    IF okla_dba.check_login(p_login) THEN
        EXECUTE format('ALTER ROLE %I LOGIN', p_login);
    ELSE
        EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', p_login);
        EXECUTE format('GRANT okla_staff TO %I', p_login);
    END IF;
    FOREACH g IN ARRAY ARRAY['okla_finance', 'okla_manager', 'okla_support', 'okla_admin'] LOOP
        IF g <> p_group AND pg_has_role(p_login, g, 'MEMBER') THEN
            EXECUTE format('REVOKE %I FROM %I', g, p_login);
        END IF;
    END LOOP;
    IF NOT pg_has_role(p_login, p_group, 'MEMBER') THEN
        EXECUTE format('GRANT %I TO %I', p_group, p_login);
    END IF;
    -- Session limits are not inherited from group roles: set them on each login role.
    EXECUTE format('ALTER ROLE %I SET statement_timeout = %L', p_login, '15s');
    EXECUTE format('ALTER ROLE %I SET lock_timeout = %L', p_login, '3s');
    EXECUTE format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', p_login, '30s');
    PERFORM okla_dba.set_verifier(p_login, p_password_verifier);
END
$$;

-- Deactivates a staff login: NOLOGIN, out of every staff group (it keeps okla_staff, so an admin
-- may re-create it), and its open sessions end before this returns.
CREATE OR REPLACE FUNCTION okla_dba.staff_deactivate(p_login text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    g text;
BEGIN
    PERFORM okla_dba.check_caller();
    IF NOT okla_dba.check_login(p_login) THEN
        RAISE EXCEPTION 'there is no staff login %', p_login USING ERRCODE = '22023';
    END IF;
    IF p_login = session_user THEN
        RAISE EXCEPTION 'you cannot deactivate your own login' USING ERRCODE = '22023';
    END IF;
    EXECUTE format('ALTER ROLE %I NOLOGIN', p_login);
    FOREACH g IN ARRAY ARRAY['okla_finance', 'okla_manager', 'okla_support', 'okla_admin'] LOOP
        IF pg_has_role(p_login, g, 'MEMBER') THEN
            EXECUTE format('REVOKE %I FROM %I', g, p_login);
        END IF;
    END LOOP;
    -- Waits (up to 5 s each) until they are gone, so that the caller can rely on it at once.
    PERFORM pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE usename = p_login AND pid <> pg_backend_pid();
END
$$;

-- Creates or updates a service login: the worker's (a member of okla_worker) or a health
-- collector's (a member of pg_monitor). Superuser only (no grant below): the owner never makes a
-- login. A staff login, the owner or a superuser cannot be turned into one, and a service login
-- belongs to exactly one of the two groups.
CREATE OR REPLACE FUNCTION okla_dba.service_login(p_login text, p_group text, p_password_verifier text DEFAULT NULL)
    RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    existing pg_roles%ROWTYPE;
    other text;
BEGIN
    IF p_group IS NULL OR p_group NOT IN ('okla_worker', 'pg_monitor') THEN
        RAISE EXCEPTION 'a service login belongs to okla_worker or pg_monitor' USING ERRCODE = '22023';
    END IF;
    IF p_login IS NULL OR p_login !~ '^[a-z][a-z0-9_]{1,62}$' OR p_login ~ '^(pg_|okla_(owner|staff|finance|manager|support|admin|worker)$)' THEN
        RAISE EXCEPTION 'a service login is 2 to 63 lower-case letters, digits or _ and not a reserved name' USING ERRCODE = '22023';
    END IF;
    PERFORM okla_dba.check_verifier(p_password_verifier);
    other := CASE p_group WHEN 'okla_worker' THEN 'pg_monitor' ELSE 'okla_worker' END;
    SELECT * INTO existing FROM pg_roles WHERE rolname = p_login;
    IF FOUND THEN
        IF existing.rolsuper OR existing.rolcreaterole OR existing.rolbypassrls
           OR pg_has_role(p_login, 'okla_staff', 'MEMBER') OR pg_has_role(p_login, 'okla_owner', 'MEMBER')
           OR pg_has_role(p_login, other, 'MEMBER') THEN
            RAISE EXCEPTION 'role % exists and is not a % service login', p_login, p_group USING ERRCODE = '22023';
        END IF;
        EXECUTE format('ALTER ROLE %I LOGIN', p_login);
    ELSE
        EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', p_login);
    END IF;
    IF NOT pg_has_role(p_login, p_group, 'MEMBER') THEN
        EXECUTE format('GRANT %I TO %I', p_group, p_login);
    END IF;
    PERFORM okla_dba.set_verifier(p_login, p_password_verifier);
END
$$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA okla_dba FROM PUBLIC;
GRANT EXECUTE ON FUNCTION okla_dba.staff_upsert(text, text, text), okla_dba.staff_deactivate(text) TO okla_owner;
