/** Scansion scripts: parse, match and replay them as several accounts at once. No JavaFX here. */
package org.chamberlain.scripting;
