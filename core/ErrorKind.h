#pragma once

#include <QString>

namespace retort {

// What went wrong, for code to branch on. The graph kinds carry the names of the Alembic
// exceptions raised in the same situation; errorKindName() gives the stable text that messages,
// JSON output and scripts see, so the enum can grow without changing what people read.
enum class ErrorKind {
    // The revision graph (Alembic's RevisionError family and command errors).
    AssertionError,
    CommandError,
    ConfigurationError,
    CycleDetected,
    DependencyCycleDetected,
    DependencyLoopDetected,
    DuplicateRevision,
    KeyError,
    LoopDetected,
    MissingDependency,
    MissingRevision,
    MultipleHeads,
    RangeNotAncestorError,
    ResolutionError,
    RevisionError,
    // Writing revisions and merges.
    AncestorMerge,
    DuplicateHeads,
    MergeUnavailable,
    NoVersionLocation,
    NotAHead,
    NothingToMerge,
    RevisionExists,
    WriteFailed,
    // Database URLs and connections.
    DriverMissing,
    EmptyUrl,
    InMemoryDatabase,
    MalformedUrl,
    NoDatabaseUrl,
    NotConnected,
    OpenFailed,
    UnsupportedDialect,
    UnsupportedDriver,
    WrongDialect,
    // SQL text.
    UnterminatedComment,
    UnterminatedDollarQuote,
    UnterminatedIdentifier,
    UnterminatedString,
    // Running steps.
    AlembicFailed,
    AlembicUnavailable,
    Busy,
    Cancelled,
    Conflict,
    JournalFailed,
    LockFailed,
    MixedFormats,
    PlanStale,
    ProjectHasErrors,
    QueryFailed,
    RangeNotAllowed,
    RowCount,
    ScriptChanged,
    ScriptUnreadable,
    StatementFailed,
    TransactionFailed,
    UnexpectedHeads,
    // Plan files.
    BadPlanFile,
    WrongDatabase,
    WrongProject,
    // Reading a schema.
    SchemaReadFailed,
    // Shadow databases and replay.
    CacheFailed,
    ShadowUnavailable,
    // Backups.
    BackupDirectory,
    BackupExists,
    BackupFailed,
    ChecksumMismatch,
    CorruptBackup,
    NotABackup,
    RestoreFailed,
};

// The kind's stable name, e.g. "MultipleHeads".
QString errorKindName(ErrorKind kind);

} // namespace retort
