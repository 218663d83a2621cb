/** A small valid tree the unit tests change one piece at a time. */
export const smallTree = `
id: small
title: Small tree
intro: A tree for tests.
start: first
questions:
  - id: first
    question: First?
    options:
      - value: 'yes'
        label: Yes
        set: [reason]
        because: You said yes.
      - value: 'no'
        label: No
    next:
      - when: [reason]
        goto: second
      - goto: stay
  - id: second
    question: Second?
    options:
      - value: a
        label: A
        next: go-a
      - value: b
        label: B
        next: go-b
outcomes:
  - id: stay
    title: Stay
    summary: Stay put.
  - id: go-a
    title: Go A
    summary: Go to A.
    costs:
      - A costs something.
    checklist:
      - text: Do A things.
        href: /playbooks/backend-api/#service-shape
  - id: go-b
    title: Go B
    summary: Go to B.
addons:
  - id: extra
    title: Add extra
    summary: Extra too.
    when: [reason]
    outcomes: [go-a]
`;
