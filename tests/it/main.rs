//! Integration tests: one binary, a small harness, one module per concern.

mod articles;
mod bad_input;
mod cli;
mod conll04;
mod convert;
mod crossdoc;
mod exports;
mod frames;
mod golden;
mod harness;
mod library;
mod merge;
mod petrarch;
mod phoenix;
mod quality;
mod readme;
mod robustness;
mod structure;
mod ud;
