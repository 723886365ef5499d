-- The last target-model groups a session selected, per category (the targets design's previous_selection):
-- a JSON object as text, {"image_generation": ["sora", "leonardo"], …}, written and read only by the service.
ALTER TABLE tuning_session ADD COLUMN target_selections text;
