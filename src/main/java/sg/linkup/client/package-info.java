/**
 * The people SSOs book sessions for. Privacy rules live here: a mobile number is always a valid E.164
 * number and prints masked; only the last three digits and letter of an NRIC are ever stored.
 */
package sg.linkup.client;
