-- Migration 11: staff management without CREATEROLE (docs/security.md §13).
-- The owner no longer creates roles: migration 1's okla_create_staff (owner only, CREATE ROLE and
-- GRANT of one more group, never revoking the old one) is replaced by three wrappers that admins
-- alone may execute. They check the input, write the staff row (the staff_audit trigger records
-- who did it) and call the superuser's okla_dba functions of the DBA step, which change the login:
-- exactly one staff group, session timeouts, NOLOGIN and ended sessions on deactivation.
-- The row and the login never disagree: admins lose direct UPDATE of staff.active (they never had
-- staff_role); names and e-mails stay editable.

DO $$
BEGIN
    IF to_regprocedure('okla_dba.staff_upsert(text, text, text)') IS NULL THEN
        RAISE EXCEPTION 'the DBA step is missing in this database; run `okla dba apply --user postgres` as the superuser, then `okla migrate` again'
            USING ERRCODE = '55000';
    END IF;
END
$$;

DROP FUNCTION okla_create_staff(text, text, text, text);
REVOKE UPDATE (active) ON staff FROM okla_admin;

-- Checks a login name, a staff role, a name and an e-mail; one sentence per problem (SQLSTATE 22023).
CREATE FUNCTION okla_staff_check_input(p_login text, p_staff_role text, p_full_name text, p_email text)
    RETURNS void LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF p_login IS NULL OR p_login !~ '^[a-z][a-z0-9_]{1,62}$' OR p_login ~ '^(pg_|okla_)' THEN
        RAISE EXCEPTION 'a staff login is 2 to 63 lower-case letters, digits or _, starting with a letter and not with pg_ or okla_'
            USING ERRCODE = '22023';
    END IF;
    IF p_staff_role IS NULL OR p_staff_role NOT IN ('finance', 'manager', 'support', 'admin') THEN
        RAISE EXCEPTION 'the staff role must be finance, manager, support or admin' USING ERRCODE = '22023';
    END IF;
    IF p_full_name IS NOT NULL AND (btrim(p_full_name) = '' OR length(p_full_name) > 200) THEN
        RAISE EXCEPTION 'a staff member''s name is 1 to 200 characters' USING ERRCODE = '22023';
    END IF;
    IF p_email IS NOT NULL AND (length(p_email) > 254 OR p_email !~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$') THEN
        RAISE EXCEPTION 'the e-mail address is not of the form name@domain.tld' USING ERRCODE = '22023';
    END IF;
END
$$;

-- Refuses a change that would leave no active admin (p_login stops being one).
CREATE FUNCTION okla_staff_keep_an_admin(p_login text) RETURNS void
    LANGUAGE plpgsql SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM 1 FROM staff WHERE staff_role = 'admin' AND active FOR UPDATE;
    IF EXISTS (SELECT 1 FROM staff WHERE role_name = p_login AND staff_role = 'admin' AND active)
       AND NOT EXISTS (SELECT 1 FROM staff WHERE role_name <> p_login AND staff_role = 'admin' AND active) THEN
        RAISE EXCEPTION '% is the last active admin; make someone else an admin first', p_login USING ERRCODE = '22023';
    END IF;
END
$$;

-- Creates a staff member, or re-creates (reactivates, renames, moves) an existing one.
CREATE FUNCTION okla_staff_create(p_login text, p_full_name text, p_staff_role text, p_email text DEFAULT NULL,
                                  p_password_verifier text DEFAULT NULL)
    RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_id bigint;
BEGIN
    PERFORM okla_staff_check_input(p_login, p_staff_role, coalesce(p_full_name, ''), p_email);
    IF p_staff_role <> 'admin' THEN
        PERFORM okla_staff_keep_an_admin(p_login);
    END IF;
    INSERT INTO staff (role_name, full_name, email, staff_role)
    VALUES (p_login, btrim(p_full_name), p_email, p_staff_role)
    ON CONFLICT (role_name) DO UPDATE SET full_name = excluded.full_name, email = excluded.email,
                                          staff_role = excluded.staff_role, active = true
    RETURNING id INTO v_id;
    PERFORM okla_dba.staff_upsert(p_login, 'okla_' || p_staff_role, p_password_verifier);
    RETURN v_id;
END
$$;

-- Moves an active staff member to another group (the old group is revoked).
CREATE FUNCTION okla_staff_set_role(p_login text, p_staff_role text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM okla_staff_check_input(p_login, p_staff_role, NULL, NULL);
    IF NOT EXISTS (SELECT 1 FROM staff WHERE role_name = p_login AND active) THEN
        RAISE EXCEPTION 'there is no active staff member with the login %', p_login USING ERRCODE = '22023';
    END IF;
    IF p_staff_role <> 'admin' THEN
        PERFORM okla_staff_keep_an_admin(p_login);
    END IF;
    UPDATE staff SET staff_role = p_staff_role WHERE role_name = p_login AND staff_role <> p_staff_role;
    PERFORM okla_dba.staff_upsert(p_login, 'okla_' || p_staff_role, NULL);
END
$$;

-- Deactivates a staff member: the row says inactive, the login cannot sign in, its sessions end.
CREATE FUNCTION okla_staff_deactivate(p_login text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM okla_staff_check_input(p_login, 'support', NULL, NULL);
    IF p_login = session_user THEN
        RAISE EXCEPTION 'you cannot deactivate your own login; ask another admin' USING ERRCODE = '22023';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM staff WHERE role_name = p_login) THEN
        RAISE EXCEPTION 'there is no staff member with the login %', p_login USING ERRCODE = '22023';
    END IF;
    PERFORM okla_staff_keep_an_admin(p_login);
    UPDATE staff SET active = false WHERE role_name = p_login AND active;
    PERFORM okla_dba.staff_deactivate(p_login);
END
$$;

REVOKE ALL ON FUNCTION okla_staff_check_input(text, text, text, text), okla_staff_keep_an_admin(text),
                       okla_staff_create(text, text, text, text, text), okla_staff_set_role(text, text),
                       okla_staff_deactivate(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION okla_staff_create(text, text, text, text, text), okla_staff_set_role(text, text),
                          okla_staff_deactivate(text) TO okla_admin;
