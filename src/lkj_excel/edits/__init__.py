"""One system of edits: built from `sheets/`, checked by the rules, localized, rendered by the writers."""
