/**
 * Campaigns executed by worker processes sharing one PostgreSQL store: each run is a JobRunr job stored in the same
 * database (JobRunr's own tables), executed by a JobRunr background job server in {@code scenarist worker}. JobRunr
 * spreads the jobs and notices a dead worker (its server stops sending heartbeats: after the server timeout its job
 * is orphaned and retried elsewhere); the store decides who may execute a run (its lease) and what the campaign needs
 * next (see {@code Campaigns#work}), so a job queue that hands one run out twice cannot have it executed twice.
 */
package dev.scenarist.app.workers;
