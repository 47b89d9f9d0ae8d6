-- The board sees the scenarios Sourcing chose for it, in the order chosen (issue 13): position 1
-- first, at most four (a comparison holds two to four). NULL: not on the board. Replaces the single
-- "chosen for leadership" flag; a scenario that was chosen becomes position 1.
ALTER TABLE sourcing.scenario ADD COLUMN board_position integer
    CONSTRAINT scenario_board_position_range CHECK (board_position BETWEEN 1 AND 4);
UPDATE sourcing.scenario SET board_position = 1 WHERE chosen_for_leadership;
DROP INDEX sourcing.scenario_one_chosen;
ALTER TABLE sourcing.scenario DROP COLUMN chosen_for_leadership;
-- Deferred, so that a new order is written row by row inside one transaction.
ALTER TABLE sourcing.scenario ADD CONSTRAINT scenario_board_position_unique UNIQUE (board_position) DEFERRABLE INITIALLY DEFERRED;
