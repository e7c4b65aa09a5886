/**
 * Our own immutable event records and the listener plumbing shared by the app/ services.
 *
 * <p>Threading: Smack delivers stanzas on its own threads; services copy what they need into these records
 * and hand them to {@link org.chamberlain.app.events.Listeners#publish}, which only submits tasks to the
 * executor each listener registered with. A listener therefore runs on the executor it chose (the FX
 * thread in the UI, a single-thread executor or a same-thread executor in tests and the CLI) and may block
 * or call services there without stalling Smack. Use an executor that runs tasks in order if the order of
 * events matters (it usually does: joined before left).
 */
package org.chamberlain.app.events;
