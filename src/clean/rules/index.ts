import { agencySignoff } from '../credits/agency-signoff.js';
import { bylineCredit } from '../credits/byline.js';
import { contributorCredits } from '../credits/contributors.js';
import { copyrightCredit } from '../credits/copyright.js';
import { datelineCredit } from '../credits/dateline.js';
import { syndicationCredit } from '../credits/syndication.js';
import { cookieBanners } from './cookie-banners.js';
import { imageStubs } from './image-stubs.js';
import { legalNotices } from './legal-notices.js';
import { newsletterPrompts } from './newsletter-prompts.js';
import { pageChrome } from './page-chrome.js';
import { relatedLinks } from './related-links.js';
import type { BlockRule } from './rule.js';
import { shareWidgets } from './share-widgets.js';
import { tableOfContents } from './table-of-contents.js';

export type { BlockContext, BlockRule, BlockVerdict, FoundCredit } from './rule.js';

/**
 * The rules in the order they are tried; the first that claims a paragraph decides for it.
 * Credit rules come first so that a copyright line ("Copyright 2026 Northwire. All rights
 * reserved.") is kept as a credit before the legal-notice rule would simply drop it.
 */
export const DEFAULT_RULES: readonly BlockRule[] = [
  copyrightCredit,
  contributorCredits,
  agencySignoff,
  syndicationCredit,
  bylineCredit,
  datelineCredit,
  shareWidgets,
  imageStubs,
  tableOfContents,
  relatedLinks,
  cookieBanners,
  newsletterPrompts,
  legalNotices,
  pageChrome,
];
