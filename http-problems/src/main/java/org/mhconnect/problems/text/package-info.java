/**
 * Bean Validation constraints for the text people type: {@link org.mhconnect.problems.text.SingleLine} and
 * {@link org.mhconnect.problems.text.MultiLine}.
 */
package org.mhconnect.problems.text;
