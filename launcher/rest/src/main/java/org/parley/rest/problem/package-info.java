/** RFC 9457 problem details: how every Parley endpoint reports bad input and other failures. */
@Version("1.0.0")
package org.parley.rest.problem;

import org.osgi.annotation.versioning.Version;
