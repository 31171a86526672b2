/** A ready-made reply the composer can insert. */
export interface CannedAnswer {
  /** In the menu. */
  title: string;
  /** What goes into the composer (the agent may edit it before sending). */
  text: string;
}

/**
 * The canned answers of the composer's menu. Built in for now: they will come from the settings
 * (kept per company by the server, editable by admins) once the server has them.
 */
export const CANNED_ANSWERS: readonly CannedAnswer[] = [
  { title: 'Greeting', text: 'Hello, thank you for contacting us. How can I help you?' },
  { title: 'One moment', text: 'One moment please, I am looking into it.' },
  { title: 'More details', text: 'Could you tell me a little more about it, please?' },
  { title: 'Anything else', text: 'Is there anything else I can help you with?' },
  { title: 'Goodbye', text: 'Thank you for contacting us. Have a nice day!' },
];
