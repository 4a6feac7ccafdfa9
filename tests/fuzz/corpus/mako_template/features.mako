## a comment line: gone from the output
"""${message}
<%text>${not rendered} % literal</%text>
Revises: ${down_revision | comma,n}
Labels: ${branch_labels | comma,n} \
joined to this line
"""
<%doc>
  a block comment
</%doc>
    % if depends_on:
depends = ${repr(depends_on)}
    % elif branch_labels is not None:
labels = ${repr(branch_labels)}
% else:
plain = ${"yes" if not branch_labels and message != "" else 'no'}
% endif
% if imports:
${imports}
% endif
x = ${repr(message)} ${str(up_revision)} ${up_revision | trim}
