/** Mitt ansvar (docs/FOLLOW-UP.md): a person's tasks and summary. Read only; no tables of its own. */
export {};
