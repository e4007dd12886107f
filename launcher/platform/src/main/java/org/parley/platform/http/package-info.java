/** Where Parley can be reached on this machine, from the HTTP runtime's endpoints. */
@Version("1.0.0")
package org.parley.platform.http;

import org.osgi.annotation.versioning.Version;
