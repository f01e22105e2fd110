//! newsevents: turns a stream of news articles into a live, deduplicated stream of
//! structured events.
//!
//! # Layout
//!
//! - [`model`]: the contract's message types (articles, events).
//! - [`input`]: raw payload -> [`model::Article`] with the contract's error codes.
//! - [`pipeline`]: the pure, synchronous core: [`pipeline::normalize`],
//!   [`pipeline::sentences`], [`pipeline::extract`] (article -> event candidates).
//! - [`geo`]: the embedded GeoNames gazetteer and place resolution.
//! - [`dedup`]: candidates -> event revisions (in memory; the KV-backed store lives in
//!   [`nats`]).
//! - [`nats`]: the I/O edge: connection, setup, JetStream source, sink, DLQ and KV state.
//! - [`app`]: wiring of the worker (`newsevents run`); [`config`], [`http`] (health and
//!   metrics), [`metrics`] (metric names), [`shutdown`] (signals) around it.

pub mod alloc;
pub mod app;
pub mod cli;
pub mod config;
pub mod dedup;
pub mod geo;
pub mod http;
pub mod input;
pub mod metrics;
pub mod model;
pub mod nats;
pub mod pipeline;
pub mod shutdown;
pub mod textbits;
