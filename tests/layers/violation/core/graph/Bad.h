#pragma once
#include "command/MigrateCommands.h"
