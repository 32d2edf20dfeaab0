/**
 * Who did what, when, in which role and scope: sign-ins (failed ones too), every read of a client's contact
 * details, every change to an account, a booking or a client. Written in the same transaction as the change it
 * records (sign-in failures in their own), and never updated or deleted by the application.
 */
package sg.linkup.audit;
