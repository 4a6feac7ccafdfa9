<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ExternalEditor</name>
    <message>
        <source>$%1 names %2, which could not be started; set it to an editor that opens a window (a terminal editor needs a terminal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the desktop&apos;s default application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no application opens %1; set VISUAL or EDITOR to your editor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphExporter</name>
    <message>
        <source>Revision graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MigrationWorker</name>
    <message>
        <source>No database is connected; choose a database URL first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfflineSqlLoader</name>
    <message>
        <source>-- Alembic could not render this offline:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Shadow databases for PostgreSQL need a server where Retort may create them: shadow_url = postgresql://... in the [retort] section of alembic.ini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revision %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RevisionDetailsView</name>
    <message>
        <source>-- cannot read: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-- (no statements)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-- line %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RevisionProvenance</name>
    <message>
        <source>not committed to git yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added by %1 on %2 (commit %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>journal not enabled for this project ([retort] journal = true in alembic.ini turns it on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no journal yet: the next run creates it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in the journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2 at %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reverted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stamped by %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed (%1) for %2 at %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>journal not read: no database connected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransferText</name>
    <message>
        <source>%1 written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dumping: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing SHA-256: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UrlChoices</name>
    <message>
        <source>command line</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::AboutDialog</name>
    <message>
        <source>Retort: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt: %1 (built with %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QScintilla: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KSyntaxHighlighting: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not available (the Qt SQLite driver is not installed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libpq: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not available (the Qt PostgreSQL driver is not installed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Retort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Retort %1&lt;/h3&gt;&lt;p&gt;A migration manager for Alembic and plain SQL histories, on SQLite and PostgreSQL.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::ConfirmationDialog</name>
    <message>
        <source>These steps will run, in this order:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No automatic backup is taken for this run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in one transaction (statements run one by one): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run through the project&apos;s Alembic command: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n statement(s) can lose data:&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%n statement can lose data:&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%n statements can lose data:&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearse first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run these steps on a copy of the database first; yours is not touched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Lint: %1 error(s), %2 warning(s), %3 notice(s)&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The current database %1 will be replaced&lt;/b&gt; by this backup. Changes made since the backup are lost.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;File&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Taken&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Heads&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Size&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Backup of&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>base (empty version table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace Database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::ConnectionProfilesDialog</name>
    <message>
        <source>Save password in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>postgresql://user@host/database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(saved in the keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(asked when connecting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile named “%1” exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::DatabaseChooser</name>
    <message>
        <source>sqlite:///app.db or postgresql://user@host/db</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database to work on. Enter a URL, or pick one offered for this project;
saved profiles are edited under Database &gt; Connection Profiles.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::DatabaseStatus</name>
    <message numerus="yes">
        <source>%n revision(s)</source>
        <translation>
            <numerusform>%n revision</numerusform>
            <numerusform>%n revisions</numerusform>
        </translation>
    </message>
    <message>
        <source>database not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>base</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n heads in the version table</source>
        <translation>
            <numerusform>%n head in the version table</numerusform>
            <numerusform>%n heads in the version table</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>retort::ui::DowngradeVerifyPresenter</name>
    <message>
        <source>Cancel Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying downgrades: %1 of %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downgrades not verified: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying downgrades on shadow databases...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Downgrades verified: %n revision(s), all undo their upgrade</source>
        <translation>
            <numerusform>Downgrades verified: %n revision, all undo their upgrade</numerusform>
            <numerusform>Downgrades verified: %n revisions, all undo their upgrade</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Downgrades verified: %n revision(s) with problems; see Problems</source>
        <translation>
            <numerusform>Downgrades verified: %n revision with problems; see Problems</numerusform>
            <numerusform>Downgrades verified: %n revisions with problems; see Problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>retort::ui::DriftBanner</name>
    <message numerus="yes">
        <source>… and %n more (&apos;retort drift&apos; lists them all)</source>
        <translation>
            <numerusform>… and %n more (&apos;retort drift&apos; lists them all)</numerusform>
            <numerusform>… and %n more (&apos;retort drift&apos; lists them all)</numerusform>
        </translation>
    </message>
    <message>
        <source>Identify…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stamp as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database has tables but no version rows (alembic_version is missing or empty), so no revision accounts for them. Identify finds the revision whose schema it has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema drift: the database differs from the schema of %1 (history → database). Write a revision that makes these changes, or undo them in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identify found no revision to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not replay: %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database has exactly the schema of %1. Stamping writes it into the version table without running anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database holds none of the history&apos;s tables: an upgrade builds it from base.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No revision matches exactly. The closest is %1 (%n difference(s), revision → database): bring the database to its schema or write a revision with these changes, then stamp.</source>
        <translation>
            <numerusform>No revision matches exactly. The closest is %1 (%n difference, revision → database): bring the database to its schema or write a revision with these changes, then stamp.</numerusform>
            <numerusform>No revision matches exactly. The closest is %1 (%n differences, revision → database): bring the database to its schema or write a revision with these changes, then stamp.</numerusform>
        </translation>
    </message>
    <message>
        <source>The version table names revision %1, which no migration file defines. Identify finds the revision whose schema the database has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identify failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema drift not checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::DriftChecker</name>
    <message>
        <source>Schema drift is checked on a scratch database. For PostgreSQL, name a server where Retort may create one: shadow_url = postgresql://... in the [retort] section of alembic.ini (or run &apos;retort drift&apos; with a role that has CREATEDB).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::MainActions</name>
    <message>
        <source>&amp;Open Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a migrations folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Graph…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the whole revision graph as an SVG or PNG file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade to Head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply every pending revision (upgrade head)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade One Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the next revision (upgrade +1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade to Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply revisions up to the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downgrade One Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert the last applied revision (downgrade -1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downgrade to Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert revisions above the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stamp Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the selected revision into the version table without running anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-run Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downgrade the selected revision (the database&apos;s head) and upgrade it again, to try an edited script once more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stamp Selected (Purge)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty the version table, then write the selected revision into it (stamp --purge)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge Heads…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a merge revision whose parents are the project&apos;s heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the database into the project&apos;s backup folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the database with one of its backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the project and the version table again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection &amp;Profiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save database URLs under a name; passwords go to the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replay Schemas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay the history on scratch databases for the schema at every revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the schema replay running in the background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify Downgrades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check on shadow databases that the selected revisions&apos; downgrades undo their upgrades (every revision when none is selected); your database is not touched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Revision…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a new, empty revision on a head: Python from the project&apos;s script.py.mako, or native SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Autogenerate Revision…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the project&apos;s own autogenerate (flask db migrate / alembic revision --autogenerate), comparing the models with the connected database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Retort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The versions of Retort and of the libraries it runs on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every command that has a shortcut, with its keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Database: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To Head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down to Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project first (File &gt; Open Folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The replay is running; stop it first to start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No schema replay is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the run in progress to finish, or cancel it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project has a single head: nothing to merge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a database first: choose or type its URL in the toolbar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a revision in the graph.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project has %1 heads, so &quot;head&quot; names no single revision. Merge them first (Database &gt; Merge Heads…), or select one head and use Upgrade to Selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project has %1 heads, so &quot;head&quot; names no single revision; select one head and use Upgrade to Selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is pending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected revision is already applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is at base.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a revision below the current one can be a downgrade target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the database&apos;s current revision can be re-run; upgrade to it first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::MainWindow</name>
    <message>
        <source>Replay on a scratch database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To show the schema at each revision, Retort replays the history on scratch databases named retort_shadow_… that it creates on %1 and drops afterwards. Your database is not touched. The role needs CREATEDB.

Use this server for scratch databases?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge Heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message of the merge revision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merge heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autogenerate Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message of the new revision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter: id prefix, message or label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in E&amp;xternal Editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected revision&apos;s file in $VISUAL, $EDITOR or the desktop&apos;s editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote revision %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autogenerate found no changes between the models and the database; nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autogenerated revision %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>journal not read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaying the history for its schemas: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema replay not possible: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history could not be replayed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>journal not read: no database connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1 with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project changed on disk and was read again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Migrations Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG image (*.svg);;PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graph saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 - Retort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) - Retort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schema at each revision is replayed on scratch databases that Retort creates and drops. Schema &gt; Replay Schemas offers to use %1 (its role needs CREATEDB), or name a server in the [retort] section of alembic.ini: shadow_url = postgresql://...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaying the history for the schema at each revision...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schema replay was stopped. Schema &gt; Replay Schemas starts it again; revisions it finished are kept in the cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema replay stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on a shadow database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Schema replayed for %n revision(s)</source>
        <translation>
            <numerusform>Schema replayed for %n revision</numerusform>
            <numerusform>Schema replayed for %n revisions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Schema replay: %n revision(s) failed on the shadow database; see Problems</source>
        <translation>
            <numerusform>Schema replay: %n revision failed on the shadow database; see Problems</numerusform>
            <numerusform>Schema replay: %n revisions failed on the shadow database; see Problems</numerusform>
        </translation>
    </message>
    <message>
        <source>Replay failed here: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not replayed: %1 before it failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No schema for this revision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema after %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning %1 %2%3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::MigrationController</name>
    <message>
        <source>Nothing to do: the database is already at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not run: %1. Planning again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merging %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing a new revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autogenerating a revision with the project&apos;s Alembic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::NewRevisionDialog</name>
    <message>
        <source>New Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python, from the project&apos;s script.py.mako</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Native SQL (-- +upgrade / -- +downgrade)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the revision does, e.g. add invoice status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head (the only head)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Splice: the parent need not be a head (starts a new branch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(selected, not a head)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Parent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Branch label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revision ids or labels, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Depends on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write Revision</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::PasswordPrompt</name>
    <message>
        <source>Database Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for the profile “%1” (%2):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::PasswordVault</name>
    <message>
        <source>The system keychain is not available: the password is kept until Retort quits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::RehearsalView</name>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsing on a copy of the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the rehearsal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rehearsal could not run; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rehearsal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsed on a %1: every step ran (%2). The live database was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsal on a %1 cancelled between steps. The live database was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsed on a %1: a step failed, as the real run would. The live database was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema changes on the copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::RestoreDialog</name>
    <message>
        <source>Restore Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups in %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · heads %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no backups yet: use Browse… to pick a file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups (*.sqlite *.db *.dump *.backup);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::RevisionDetailsView</name>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-- The project&apos;s Alembic command could not render %1 offline:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schema at each revision is shown once the history has been replayed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>native SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python (Alembic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-- %1 is a Python revision: its SQL comes from the project&apos;s own Alembic command
-- (`upgrade --sql`, offline), rendered when this tab is shown.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-- rendering %1 with the project&apos;s Alembic command (offline)…
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Git</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lint (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This revision changes no table, view or constraint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) against the parent revision(s).</source>
        <translation>
            <numerusform>%n change against the parent revision(s).</numerusform>
            <numerusform>%n changes against the parent revision(s).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>retort::ui::RevisionGraphDelegate</name>
    <message>
        <source>current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>downgrade ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lint %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::RevisionGraphModel</name>
    <message>
        <source>database not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current (in the version table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::RunPanel</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after the step that is running (a step in flight always finishes or rolls back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling after the current step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the whole log to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Whole Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done %1 (%2 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled before any step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: %1; the rest did not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished: nothing to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up %1 to %2 (%3 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed old backup %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored %1; the database is at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote merge revision %1 (%2) with parents %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log files (*.log *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop now: nothing is kept, and the database stays as it was</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::SchemaChangesView</name>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destructive: data can be lost</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::SchemaView</name>
    <message numerus="yes">
        <source>table, %n column(s)</source>
        <translation>
            <numerusform>table, %n column</numerusform>
            <numerusform>table, %n columns</numerusform>
        </translation>
    </message>
    <message>
        <source>primary key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>foreign key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter tables, columns, indexes...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>materialized view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>definition</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::ScriptEditor</name>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no file is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::StartPage</name>
    <message>
        <source>&lt;h2&gt;Open a migrations folder&lt;/h2&gt;&lt;p&gt;The folder that holds alembic.ini or versions/: a Flask-Migrate project&apos;s &lt;i&gt;migrations&lt;/i&gt;, an Alembic project, or Retort&apos;s own SQL migrations.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A small project with branches and a merge, on a SQLite database of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent projects&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
