//! Counts in text: casualty figures (killed, injured, missing, arrested), vague amounts
//! and other quantities (prisoners exchanged, bodies transferred, people displaced).
