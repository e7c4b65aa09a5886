/** The moderation core on Smack: accounts, rooms, forms, affiliations, invitations. No JavaFX here. */
package org.chamberlain.app;
