//! Explicit and relative dates resolved against the publication time.
