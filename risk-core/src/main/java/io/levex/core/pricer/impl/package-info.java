/**
 * Private numerical kernels of the pricers (normal distribution, Black-76 formula). Not API.
 */
package io.levex.core.pricer.impl;
