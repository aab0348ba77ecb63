//! Plan files: reading and writing plans as RON, with versioning, atomic saves and backups.
