/** Strings of the entraide feature. Keys start with "entraide."; French is the reference. */
export { fr } from "./messages.fr.js";
export { en } from "./messages.en.js";
export { de } from "./messages.de.js";
