-- Keeps account_user_counts in step with users: statement-level triggers with
-- transition tables, so a bulk insert adjusts each account's counts once, and an
-- update touches the counts (and locks their row) only when it changes Active.
CREATE OR REPLACE FUNCTION count_inserted_users() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO account_user_counts AS c (account_id, active, inactive)
  SELECT account_id, count(*) FILTER (WHERE active), count(*) FILTER (WHERE NOT active)
    FROM new_rows GROUP BY account_id
  ON CONFLICT (account_id) DO UPDATE
    SET active = c.active + EXCLUDED.active, inactive = c.inactive + EXCLUDED.inactive;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION count_updated_users() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO account_user_counts AS c (account_id, active, inactive)
  SELECT n.account_id,
         sum(CASE WHEN n.active THEN 1 ELSE -1 END),
         sum(CASE WHEN n.active THEN -1 ELSE 1 END)
    FROM new_rows n JOIN old_rows o ON o.id = n.id
   WHERE o.active <> n.active
   GROUP BY n.account_id
  ON CONFLICT (account_id) DO UPDATE
    SET active = c.active + EXCLUDED.active, inactive = c.inactive + EXCLUDED.inactive;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION count_deleted_users() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE account_user_counts AS c
     SET active = c.active - o.active, inactive = c.inactive - o.inactive
    FROM (SELECT account_id, count(*) FILTER (WHERE active) AS active,
                 count(*) FILTER (WHERE NOT active) AS inactive
            FROM old_rows GROUP BY account_id) AS o
   WHERE c.account_id = o.account_id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER users_counted_on_insert AFTER INSERT ON users
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_inserted_users();
--> statement-breakpoint
CREATE TRIGGER users_counted_on_update AFTER UPDATE ON users
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_updated_users();
--> statement-breakpoint
CREATE TRIGGER users_counted_on_delete AFTER DELETE ON users
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_deleted_users();
--> statement-breakpoint
INSERT INTO account_user_counts (account_id, active, inactive)
SELECT account_id, count(*) FILTER (WHERE active), count(*) FILTER (WHERE NOT active)
  FROM users GROUP BY account_id
ON CONFLICT (account_id) DO UPDATE
  SET active = EXCLUDED.active, inactive = EXCLUDED.inactive;
