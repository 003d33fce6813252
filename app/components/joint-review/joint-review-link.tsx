import { Link } from "@remix-run/react";

/** A referral under joint review, by its code: the owning site opens its own referral page, the partner the joint page. */
export function JointReviewLink({
  review,
}: {
  review: { referralId: string; referenceCode: string; ownedByReader: boolean };
}) {
  return (
    <Link to={review.ownedByReader ? `/queue/${review.referralId}#joint` : `/joint/${review.referralId}`}>
      {review.referenceCode}
    </Link>
  );
}
