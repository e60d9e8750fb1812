/** Getting back into an account whose password is forgotten: a single-use link mailed to its address. */
package org.mhconnect.gateway.identity.recovery;
