-- A value that changes whenever an account's password is reset or the account is turned off or on.
-- Sign-in puts it in the cookie and every request compares it (by primary key), so a reset password
-- or a disabled account ends that user's sessions at once instead of when the cookie expires.
ALTER TABLE sourcing.app_user ADD COLUMN security_stamp uuid NOT NULL DEFAULT gen_random_uuid();
