import type { RecMethodChoice } from '../../../../shared/domain/recommend'

/** Each method in a sentence: what it does and when it is the right one. */
export const methodHelp: Readonly<Record<RecMethodChoice, string>> = {
  auto: 'Tries bought-together, customers-like-you, EASE and (with descriptions) similar descriptions on part of the history, and keeps the one that ranks held-back purchases best.',
  popular: 'Everyone gets the best-sellers they have not bought. The baseline every other method must beat.',
  'item-knn':
    '“Customers who bought this also bought…”: quick, easy to explain, strong when many customers share purchases.',
  'user-knn': '“Customers like you bought…”: finds the customers whose baskets look most like each one’s.',
  content:
    'Items whose descriptions resemble what the customer bought. Works for new items nobody bought yet; needs a text column.',
  ease: 'One model of how every item goes with every other; often the most accurate on the 2,000 most bought items.',
  blend:
    'Mixes similar descriptions with bought-together, in the share you set below: some of both kinds of suggestion.',
}
