#pragma once

#include "AlembicCommand.h"
#include "Problem.h"

#include <QList>
#include <QString>

#include <optional>

namespace retort {

// One candidate command tried on the project, and how it went.
struct AlembicAttempt
{
    AlembicCommand command;
    bool works = false;
    QString failure; // why it was rejected, e.g. "exited with code 2: Error: No such command 'db'."
    qint64 elapsedMs = 0;
};

// Which command runs the project's Alembic, and why the others were not picked.
struct AlembicDetection
{
    std::optional<AlembicCommand> command; // the first candidate that worked
    QList<AlembicAttempt> attempts; // every candidate tried, in order
    Problems problems; // e.g. an alembic_command that cannot be split
    QString configPath; // where alembic_command would go (the alembic.ini)
    bool flaskIndicated = false;

    bool found() const { return command.has_value(); }
    // Several lines for a person: the pick and its reason, then each rejected candidate.
    QString explanation() const;
    // What to do when nothing worked (or to pin the choice): set alembic_command, with an
    // example fitting the project.
    QString advice() const;
    // Nothing found: an error naming every attempt and the advice.
    Problem toProblem() const;
};

} // namespace retort
