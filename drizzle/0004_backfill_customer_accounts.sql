-- Every existing customer becomes the owner of an account named after them (they can rename it).
WITH owners AS MATERIALIZED (
  SELECT u.id AS user_id, u.name, gen_random_uuid() AS account_id
  FROM users u
  WHERE u.role = 'customer'
    AND NOT EXISTS (SELECT 1 FROM customer_account_members m WHERE m.user_id = u.id)
), created AS (
  INSERT INTO customer_accounts (id, name) SELECT account_id, name FROM owners RETURNING id
)
INSERT INTO customer_account_members (account_id, user_id, role)
SELECT account_id, user_id, 'owner' FROM owners;
